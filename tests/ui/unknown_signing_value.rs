use tencentcloud_core::{action, model, service};

#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

#[model]
pub struct Reply {
    pub request_id: String,
}

#[action(service = Ses, response = Reply, signing = "TC3")]
pub struct SendThing {
    pub to: String,
}

fn main() {
    // The action is still emitted next to the error: its uses report nothing more.
    let thing = SendThing { to: String::new() };
    let copy = thing.clone();
    fn is_action<A: tencentcloud_core::Action>(_: &A) {}
    is_action(&copy);
}
