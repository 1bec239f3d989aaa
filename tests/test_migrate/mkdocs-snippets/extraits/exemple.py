import csv

# --8<-- [start:lecture]
with open("donnees.csv") as fichier:
    lignes = list(csv.reader(fichier))
# --8<-- [end:lecture]
