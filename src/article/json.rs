//! JSON input: one object, an array of objects, or JSON Lines.
