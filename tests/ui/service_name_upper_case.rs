use tencentcloud_core::service;

#[service(name = "SES", version = "2020-10-02")]
pub struct Ses;

fn main() {}
