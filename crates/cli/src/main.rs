fn main() {
    println!("rollout {}", env!("CARGO_PKG_VERSION"));
}
