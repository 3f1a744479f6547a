import Deduplicator

print("DeduplicatorTool: eval and bench driver (work in progress)")
