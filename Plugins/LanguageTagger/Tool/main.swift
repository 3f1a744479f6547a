import LanguageTagger
print("LanguageTaggerTool: not implemented yet")
