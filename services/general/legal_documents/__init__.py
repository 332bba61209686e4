"""JDIH (jaringan dokumentasi dan informasi hukum): the legal documents of labour affairs, their
status and relations, searchable by anyone."""
