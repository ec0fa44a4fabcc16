//! A local Tencent Cloud API 3.0 server with an SES backend (being written).
