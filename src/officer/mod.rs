//! Tools of the program officers who keep the catalog (native only, behind the `catalog` CLI):
//! [`audit`] lists what to check next from the catalog alone; [`links`] checks every URL over
//! the network.

pub mod audit;
pub mod links;
