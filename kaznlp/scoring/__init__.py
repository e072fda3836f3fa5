"""Scores against gold annotations: :mod:`kaznlp.scoring.facts` (numeric facts against gold JSON Lines,
``kaznlp evaluate``) and :mod:`kaznlp.scoring.entities` (the NER model on an IOB2 file, ``kaznlp evaluate-ner``)."""
