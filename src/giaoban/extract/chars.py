"""Vietnamese letter classes for regular expressions.

Ranges such as ``[à-ỹ]`` mix unrelated code points and cases, so the letters are listed
explicitly once here and reused by every detector.
"""

LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
UPPER = LOWER.upper()
LETTERS = LOWER + UPPER

# Character-class bodies (without brackets) to splice into patterns.
LO = f"[{LOWER}]"
UP = f"[{UPPER}]"
LET = f"[{LETTERS}]"
# A capitalised syllable: one upper-case letter then lower-case letters.
CAP_SYL = f"{UP}{LO}*"
# Any syllable or word made of letters.
SYL = f"{LET}+"
