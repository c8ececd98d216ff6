"""Russian text analysis: tokenizing, folding, stemming, name lemmas (pure functions)."""
from .russian import Term, analyze, analyze_exact, exact_term, query_terms, stem, word_terms
from .tokenize import fold, words

__all__ = ["Term", "analyze", "analyze_exact", "exact_term", "fold", "query_terms", "stem", "word_terms", "words"]
