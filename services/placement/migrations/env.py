from services.placement.models import Base
from shared.migrations import run

run(Base.metadata)
