//! JSON Lines export (the contract in the README).
