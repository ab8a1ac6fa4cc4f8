//! Printing: what is printed (models), how (ESC/POS, PDF) and where (transports).
