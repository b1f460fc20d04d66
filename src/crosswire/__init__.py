"""crosswire: read the same news story from many outlets and see what actually happened.

The pipeline, stage by stage::

    read.read_paths  ->  clean.clean  ->  analyze.Analyzer  ->  (stories, briefs: later stages)
       Source             Article          Article with sentences, entities, quotes, dates

``service.analyze_paths`` runs it all; the CLI is a thin layer over it.
"""

__version__ = "0.1.0"

from crosswire.model import AnalysisResult, Article, Entity, Quote, Sentence, Skipped, Speaker

__all__ = ["AnalysisResult", "Article", "Entity", "Quote", "Sentence", "Skipped", "Speaker", "__version__"]
