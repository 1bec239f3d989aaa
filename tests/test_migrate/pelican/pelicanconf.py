SITENAME = "Exemple"
