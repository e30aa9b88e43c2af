"""The news agencies whose names the engine recognises in copy: in datelines ("LONDON
(Reuters) - ...", set aside by ``segment.py`` and ``clean.py``) and in credits ("Reuters
contributed to this report", which ``corpus/credits.py`` reads)."""

AGENCIES = ("Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg", "dpa", "PA Media",
            "PA", "Press Association", "Xinhua", "UPI", "TASS", "EFE", "ANSA", "Kyodo", "Yonhap", "ANI", "PTI",
            "Anadolu")
