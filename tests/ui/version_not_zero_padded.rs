use tencentcloud_core::service;

#[service(name = "ses", version = "2020-1-2")]
pub struct Ses;

fn main() {}
