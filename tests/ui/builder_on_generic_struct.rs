use tencentcloud_core::model;

#[model(builder = true)]
pub struct Page<T> {
    pub items: Vec<T>,
}

fn main() {}
