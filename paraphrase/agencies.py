"""The news and picture agencies whose names the engine recognises in copy: in datelines
("LONDON (Reuters) - ...", set aside by ``segment.py`` and ``clean.py``), in credits
("Reuters contributed to this report", which ``corpus/credits.py`` reads) and in photo
credits and captions ("(Getty Images)", "REUTERS/Firas Makdesi": ``clean.py``)."""

import re

AGENCIES = ("Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg", "dpa", "PA Media",
            "PA", "Press Association", "Xinhua", "UPI", "TASS", "EFE", "ANSA", "Kyodo", "Yonhap", "ANI", "PTI",
            "Anadolu")
# Any one of them, as a regular expression (the longest first, so "PA Media" is not read as "PA").
AGENCY_NAMES = "|".join(re.escape(agency) for agency in sorted(AGENCIES, key=len, reverse=True))
# Who credits a photograph.
PHOTO_AGENCIES = ("Getty Images", "AP Photo", "AP", "AFP", "EPA", "PA Media", "PA", "Reuters", "Anadolu",
                  "Shutterstock", "Alamy")
