"""Hypothesis strategies for Arabic-heavy text: letters, marks, controls, digits, quotes, punctuation."""

from __future__ import annotations

from hypothesis import strategies as st

ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"
CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
PUNCTUATION = ".,،؛؟!۔:;\"'“”«»()[]…-_/%٪٫٬"
PRESENTATION = "ﺑﻐﺪﺍﺩﻻﷲﷺﹰﹱ"
SPACE = " \n\t\r\u00a0"

arabic_chars = st.sampled_from(ARABIC_LETTERS + MARKS + CONTROLS + DIGITS + PUNCTUATION + PRESENTATION + SPACE + "aZ")
arabic_text = st.text(arabic_chars, max_size=300)
any_text = st.text(max_size=300)
