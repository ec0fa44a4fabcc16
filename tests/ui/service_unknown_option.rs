use tencentcloud_core::service;

#[service(name = "ses", version = "2020-10-02", region = "ap-guangzhou")]
pub struct Ses;

fn main() {}
