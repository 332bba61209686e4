"""General consumes every service's events (a topic pattern, so a new producer needs only its
entries in `satu_data.catalogue`) and counts them into Satu Data's statistics."""

from services.general.satu_data import service as satu_data
from services.general.satu_data.catalogue import CONTRIBUTIONS

# Every platform topic but the dead-letter ones.
PATTERN = r"^siapkerja\.(?!dlq\.).+"
HANDLERS = dict.fromkeys(CONTRIBUTIONS, satu_data.count_event)
AFTER_BATCH = satu_data.write_counts
