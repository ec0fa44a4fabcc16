//! Tencent Cloud Simple Email Service (SES), API version 2020-10-02 (being written).
