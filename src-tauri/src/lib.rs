//! Trellis Studio shell.
