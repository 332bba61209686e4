"""Reference codes (Pasal 12): the code lists every service validates against, served publicly
with their editions so that partners and front ends use the same codes."""
