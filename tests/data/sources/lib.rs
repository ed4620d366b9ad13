// Nothing: the crate exists to fetch its dependency's sources.
