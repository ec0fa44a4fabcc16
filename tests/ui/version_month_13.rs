use tencentcloud_core::service;

#[service(name = "ses", version = "2020-13-02")]
pub struct Ses;

fn main() {}
