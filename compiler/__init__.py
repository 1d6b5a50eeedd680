"""The compiler: object walker and program image, subset checks, statement form, tier-0 code."""
