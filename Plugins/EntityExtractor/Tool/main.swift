print("EntityExtractorTool: not yet implemented")
