from services.inspection.models import Base
from shared.migrations import run

run(Base.metadata)
