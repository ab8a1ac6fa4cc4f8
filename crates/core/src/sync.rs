//! Talking to the municipality's backend: the HTTP client, enrolment, the sync loop.
