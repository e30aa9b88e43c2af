"""Countries and the names that stand in for them in English news copy.

A rewrite says "Moscow" where its source said "Russia", "Ukrainian officials" for
"officials in Kyiv", "the Kremlin" for "the Russian government": one place named another
way, not a changed fact. Each line of ``_TABLE`` is a country, then its capital(s), then
its adjective(s) and seats of government, as English news copy writes them. Names are
compared by their fact keys (``tokens``: stems, words joined by a space), so "Russia's"
and "Russian" match as written. English only: other languages name places their own way.
"""

from __future__ import annotations

from functools import lru_cache

from .tokens import name_key

_TABLE = """
Afghanistan | Kabul | Afghan
Albania | Tirana | Albanian
Algeria | Algiers | Algerian
Andorra | Andorra la Vella | Andorran
Angola | Luanda | Angolan
Antigua and Barbuda | St John's | Antiguan
Argentina | Buenos Aires | Argentine, Argentinian
Armenia | Yerevan | Armenian
Australia | Canberra | Australian
Austria | Vienna | Austrian
Azerbaijan | Baku | Azerbaijani, Azeri
Bahamas | Nassau | Bahamian
Bahrain | Manama | Bahraini
Bangladesh | Dhaka | Bangladeshi
Barbados | Bridgetown | Barbadian
Belarus | Minsk | Belarusian
Belgium | Brussels | Belgian
Belize | Belmopan | Belizean
Benin | Porto-Novo | Beninese
Bhutan | Thimphu | Bhutanese
Bolivia | La Paz, Sucre | Bolivian
Bosnia and Herzegovina, Bosnia | Sarajevo | Bosnian
Botswana | Gaborone | Botswanan
Brazil | Brasilia, Brasília | Brazilian
Brunei | Bandar Seri Begawan | Bruneian
Bulgaria | Sofia | Bulgarian
Burkina Faso | Ouagadougou | Burkinabe
Burundi | Gitega | Burundian
Cambodia | Phnom Penh | Cambodian
Cameroon | Yaounde, Yaoundé | Cameroonian
Canada | Ottawa | Canadian
Cape Verde, Cabo Verde | Praia | Cape Verdean
Central African Republic | Bangui | Central African
Chad | N'Djamena | Chadian
Chile | Santiago | Chilean
China | Beijing | Chinese
Colombia | Bogota, Bogotá | Colombian
Comoros | Moroni | Comorian
Congo, Republic of the Congo | Brazzaville | Congolese
Democratic Republic of the Congo, DR Congo, DRC | Kinshasa | Congolese
Costa Rica | San Jose, San José | Costa Rican
Croatia | Zagreb | Croatian
Cuba | Havana | Cuban
Cyprus | Nicosia | Cypriot
Czech Republic, Czechia | Prague | Czech
Denmark | Copenhagen | Danish
Djibouti | Djibouti | Djiboutian
Dominica | Roseau | Dominican
Dominican Republic | Santo Domingo | Dominican
East Timor, Timor-Leste | Dili | East Timorese
Ecuador | Quito | Ecuadorian
Egypt | Cairo | Egyptian
El Salvador | San Salvador | Salvadoran
Equatorial Guinea | Malabo | Equatoguinean
Eritrea | Asmara | Eritrean
Estonia | Tallinn | Estonian
Eswatini, Swaziland | Mbabane | Swazi
Ethiopia | Addis Ababa | Ethiopian
Fiji | Suva | Fijian
Finland | Helsinki | Finnish
France | Paris | French, Elysee, Élysée
Gabon | Libreville | Gabonese
Gambia | Banjul | Gambian
Georgia | Tbilisi | Georgian
Germany | Berlin | German
Ghana | Accra | Ghanaian
Greece | Athens | Greek
Grenada | St George's | Grenadian
Guatemala | Guatemala City | Guatemalan
Guinea | Conakry | Guinean
Guinea-Bissau | Bissau | Bissau-Guinean
Guyana | Georgetown | Guyanese
Haiti | Port-au-Prince | Haitian
Honduras | Tegucigalpa | Honduran
Hungary | Budapest | Hungarian
Iceland | Reykjavik | Icelandic
India | New Delhi, Delhi | Indian
Indonesia | Jakarta | Indonesian
Iran | Tehran | Iranian
Iraq | Baghdad | Iraqi
Ireland | Dublin | Irish
Israel | Jerusalem, Tel Aviv | Israeli
Italy | Rome | Italian
Ivory Coast, Cote d'Ivoire, Côte d'Ivoire | Yamoussoukro, Abidjan | Ivorian
Jamaica | Kingston | Jamaican
Japan | Tokyo | Japanese
Jordan | Amman | Jordanian
Kazakhstan | Astana | Kazakh
Kenya | Nairobi | Kenyan
Kiribati | Tarawa |
Kosovo | Pristina | Kosovan, Kosovar
Kuwait | Kuwait City | Kuwaiti
Kyrgyzstan | Bishkek | Kyrgyz
Laos | Vientiane | Lao, Laotian
Latvia | Riga | Latvian
Lebanon | Beirut | Lebanese
Lesotho | Maseru | Basotho
Liberia | Monrovia | Liberian
Libya | Tripoli | Libyan
Liechtenstein | Vaduz |
Lithuania | Vilnius | Lithuanian
Luxembourg | Luxembourg | Luxembourgish
Madagascar | Antananarivo | Malagasy
Malawi | Lilongwe | Malawian
Malaysia | Kuala Lumpur | Malaysian
Maldives | Male | Maldivian
Mali | Bamako | Malian
Malta | Valletta | Maltese
Marshall Islands | Majuro | Marshallese
Mauritania | Nouakchott | Mauritanian
Mauritius | Port Louis | Mauritian
Mexico | Mexico City | Mexican
Micronesia | Palikir | Micronesian
Moldova | Chisinau | Moldovan
Monaco | Monaco | Monegasque
Mongolia | Ulaanbaatar, Ulan Bator | Mongolian
Montenegro | Podgorica | Montenegrin
Morocco | Rabat | Moroccan
Mozambique | Maputo | Mozambican
Myanmar, Burma | Naypyitaw, Naypyidaw, Yangon | Burmese
Namibia | Windhoek | Namibian
Nauru | Yaren | Nauruan
Nepal | Kathmandu | Nepalese, Nepali
Netherlands, Holland | Amsterdam, The Hague | Dutch
New Zealand | Wellington | New Zealander
Nicaragua | Managua | Nicaraguan
Niger | Niamey | Nigerien
Nigeria | Abuja | Nigerian
North Korea | Pyongyang | North Korean
North Macedonia, Macedonia | Skopje | Macedonian
Norway | Oslo | Norwegian
Oman | Muscat | Omani
Pakistan | Islamabad | Pakistani
Palau | Ngerulmud | Palauan
Palestine, Palestinian territories | Ramallah | Palestinian
Panama | Panama City | Panamanian
Papua New Guinea | Port Moresby | Papua New Guinean
Paraguay | Asuncion, Asunción | Paraguayan
Peru | Lima | Peruvian
Philippines | Manila | Philippine, Filipino
Poland | Warsaw | Polish
Portugal | Lisbon | Portuguese
Qatar | Doha | Qatari
Romania | Bucharest | Romanian
Russia, Russian Federation | Moscow | Russian, Kremlin
Rwanda | Kigali | Rwandan
Saint Kitts and Nevis | Basseterre |
Saint Lucia | Castries | Saint Lucian
Saint Vincent and the Grenadines | Kingstown |
Samoa | Apia | Samoan
San Marino | San Marino | Sammarinese
Sao Tome and Principe | Sao Tome |
Saudi Arabia | Riyadh | Saudi
Senegal | Dakar | Senegalese
Serbia | Belgrade | Serbian
Seychelles | Victoria | Seychellois
Sierra Leone | Freetown | Sierra Leonean
Singapore | Singapore | Singaporean
Slovakia | Bratislava | Slovak
Slovenia | Ljubljana | Slovenian
Solomon Islands | Honiara |
Somalia | Mogadishu | Somali
South Africa | Pretoria, Cape Town | South African
South Korea | Seoul | South Korean
South Sudan | Juba | South Sudanese
Spain | Madrid | Spanish
Sri Lanka | Colombo | Sri Lankan
Sudan | Khartoum | Sudanese
Suriname | Paramaribo | Surinamese
Sweden | Stockholm | Swedish
Switzerland | Bern, Berne | Swiss
Syria | Damascus | Syrian
Taiwan | Taipei | Taiwanese
Tajikistan | Dushanbe | Tajik
Tanzania | Dodoma, Dar es Salaam | Tanzanian
Thailand | Bangkok | Thai
Togo | Lome, Lomé | Togolese
Tonga | Nuku'alofa | Tongan
Trinidad and Tobago | Port of Spain | Trinidadian
Tunisia | Tunis | Tunisian
Turkey, Türkiye | Ankara | Turkish
Turkmenistan | Ashgabat | Turkmen
Tuvalu | Funafuti | Tuvaluan
Uganda | Kampala | Ugandan
Ukraine | Kyiv, Kiev | Ukrainian
United Arab Emirates, UAE, Emirates | Abu Dhabi | Emirati
United Kingdom, Britain, Great Britain | London | British, Downing Street, Whitehall
United States, United States of America, America | Washington | American, White House, Pentagon
Uruguay | Montevideo | Uruguayan
Uzbekistan | Tashkent | Uzbek
Vanuatu | Port Vila |
Vatican, Holy See | Vatican City |
Venezuela | Caracas | Venezuelan
Vietnam | Hanoi | Vietnamese
Yemen | Sanaa, Sana'a | Yemeni
Zambia | Lusaka | Zambian
Zimbabwe | Harare | Zimbabwean
"""


def same_place(key_a: str, key_b: str) -> bool:
    """Do two English name keys stand for one country ("moscow", "russia")?"""
    places = _places()
    return bool(places.get(key_a, set()) & places.get(key_b, set()))


@lru_cache(maxsize=1)
def _places() -> dict[str, set[str]]:
    places: dict[str, set[str]] = {}
    for line in filter(None, map(str.strip, _TABLE.splitlines())):
        names, capitals, others = (part.split(",") for part in line.split("|"))
        country = names[0].strip()
        for name in (*names, *capitals, *others):
            if name.strip():
                places.setdefault(name_key(name.strip()), set()).add(country)
    return places
