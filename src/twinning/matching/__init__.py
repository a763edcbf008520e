"""The matching engine: profiles in, scores, reasons, rankings and pairs out (numpy/scipy, no Django).

profiles → features (per-profile matrices) → score (learned logistic weights) → pairing
(constrained assignment, max-min, stability) → reasons (EN/ZH); recommend and index serve
top-k partner search; learn refits the weights and evaluate measures them. See docs/matching.md.
"""
