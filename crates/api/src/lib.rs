//! The types that cross HTTP between the kiosk and the backend (see ARCHITECTURE.md).
