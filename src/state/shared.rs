//! [`Shared`]: an `Rc` compared by identity.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// An `Rc` to data that never changes once made (a run, a summary, a chart spec), compared by identity:
/// props and memo keys holding one compare in O(1), and "equal" means "the same value", since what is
/// behind never changes. Two separately made but identical values are not equal (a harmless re-render).
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(rc: &Rc<T>) -> Self {
        Shared(rc.clone())
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

impl<T> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Shared({:p})", Rc::as_ptr(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_means_the_same_allocation() {
        let a = Rc::new(vec![1.0, 2.0]);
        assert_eq!(Shared::new(&a), Shared::new(&a));
        assert_ne!(Shared::new(&a), Shared(Rc::new(vec![1.0, 2.0])), "equal contents are not enough");
    }
}
