import csv

# --8<-- [start:lecture]
with open("collectes.csv", encoding="utf-8") as fichier:
    for ligne in csv.DictReader(fichier):
        print(ligne["commune"], ligne["tonnage"])
# --8<-- [end:lecture]
