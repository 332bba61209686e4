"""Penyelesaian perselisihan hubungan industrial (UU 2/2004): a dispute goes through bipartite
negotiation (30 working days), then the parties' choice of conciliation or arbitration (7
working days) or else a mediator of the region (30 working days), ending in an agreement
(perjanjian bersama) or a written recommendation (anjuran) that the parties accept or take to
the Industrial Relations Court."""
