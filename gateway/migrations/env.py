from gateway.models import metadata
from shared.migrations import run

run(metadata)
