use tencentcloud_core::service;

#[service(name = "2fa", version = "2020-10-02")]
pub struct Ses;

fn main() {}
