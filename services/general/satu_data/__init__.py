"""Satu Data Ketenagakerjaan (Perpres 39/2019): aggregate labour statistics kept up to date from
every service's events, published as datasets with metadata, never revealing a person."""
