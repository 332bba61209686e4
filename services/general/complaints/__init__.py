"""Pengaduan: complaints from anyone (a ticket and a secret to follow one without an account),
routed to the officers of the region and category, answered within a working-day SLA, and
announced so that a complaint about labour norms can become an inspection case."""
