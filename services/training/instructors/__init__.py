"""Instruktur dan tenaga pelatihan: each institution's instructors with their competencies (SKKNI
units) and certificates, assigned to runs they are competent for."""
