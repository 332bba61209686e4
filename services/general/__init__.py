"""General services (Pasal 4(6), 12, 15, 16): Satu Data Ketenagakerjaan (`satu_data`), reference
codes (`references`), JDIH (`legal_documents`), complaints (`complaints`), news (`news`),
helpdesk (`helpdesk`) and the monitoring-and-evaluation reports (`evaluation`)."""

SERVICE = "general"
