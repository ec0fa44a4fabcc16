use tencentcloud_core::{action, model, service};

#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

#[model]
pub struct Reply {
    pub request_id: String,
}

// The only error is the one on `signing`: the struct keeps its derives and its `Action` impl,
// so the code below, which needs both, adds none.
#[action(service = Ses, response = Reply, content = "json", signing = "HmacSHA1")]
pub struct SendThing {
    #[serde(rename = "To")]
    pub recipient: String,
}

fn needs_an_action<A: tencentcloud_core::Action>(_: &A) {}

fn main() {
    let thing = SendThing {
        recipient: String::new(),
    };
    needs_an_action(&thing);
    let copy = thing.clone();
    assert_eq!(copy, thing);
    println!("{copy:?}");
}
