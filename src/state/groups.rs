//! Editing the population groups, keeping targeted levers consistent with them.

use rollout_engine::Scenario;

/// Every targeted lever's group list.
fn targets(s: &mut Scenario) -> [&mut Vec<String>; 3] {
    let l = &mut s.levers;
    [&mut l.subsidy.groups, &mut l.support.groups, &mut l.connectivity.groups]
}

/// A copy of the last group under a name no group has ("Group 6", "Group 7", ...).
pub fn add_group(s: &Scenario) -> Scenario {
    let mut next = s.clone();
    let mut template = s.groups.list.last().cloned().expect("a valid scenario has a group");
    let mut n = s.groups.list.len() + 1;
    while s.groups.list.iter().any(|g| g.name == format!("Group {n}")) {
        n += 1;
    }
    template.name = format!("Group {n}");
    next.groups.list.push(template);
    next
}

/// Without group `index`; targeted levers forget it (a lever aimed only at it becomes universal).
pub fn remove_group(s: &Scenario, index: usize) -> Scenario {
    let mut next = s.clone();
    if index < next.groups.list.len() {
        let name = next.groups.list.remove(index).name;
        for list in targets(&mut next) {
            list.retain(|g| *g != name);
        }
    }
    next
}

/// Group `index` renamed, with targeted levers following the new name.
pub fn rename_group(s: &Scenario, index: usize, name: &str) -> Scenario {
    let mut next = s.clone();
    if let Some(group) = next.groups.list.get_mut(index) {
        let old = std::mem::replace(&mut group.name, name.to_string());
        for list in targets(&mut next) {
            for g in list.iter_mut().filter(|g| **g == old) {
                *g = name.to_string();
            }
        }
    }
    next
}
