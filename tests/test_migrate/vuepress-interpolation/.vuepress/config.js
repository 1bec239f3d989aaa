module.exports = { title: "Exemple" }
