//! Embedded name lists (places, given names, surnames, organization words).
