from services.relations.models import Base
from shared.migrations import run

run(Base.metadata)
