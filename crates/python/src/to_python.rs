//! FORMAT.md's result as Python objects, straight from its `serde::Serialize`.
//!
//! A result becomes what `json.loads` makes of the command line's JSON for it
//! (dicts in field order, lists, str, int, float, None), without writing and
//! parsing JSON text: turning a result into objects is most of what the
//! binding adds to the core's time, and parsing JSON made a one-core
//! `annotate_many` a third slower than the command line. Short strings
//! (keys, kinds, sources, country codes, canonical names) repeat from span to
//! span, so one [`Objects`] keeps them for a whole call and hands out the same
//! `str` object again, as `json.loads` does with keys (`str` objects are
//! immutable: sharing them is invisible to Python code). The serializer knows
//! serde's data model only, not depeche's types, so a field the core adds
//! arrives in Python as it arrives in the JSON.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyFloat, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde::ser::{self, Serialize};

/// Slots of the table of field names.
const NAME_SLOTS: usize = 256;

/// Strings longer than this are made afresh each time (they rarely repeat).
const CACHED_LEN: usize = 48;

/// Turns serializable values into Python objects, reusing short strings.
pub struct Objects<'py> {
    py: Python<'py>,
    /// Field names and enum variants (a few dozen `&'static str`), by address
    /// in a direct-mapped table: one comparison per field in the usual case.
    names: Vec<Option<NameSlot<'py>>>,
    strings: HashMap<String, Bound<'py, PyString>, BuildHasherDefault<Fnv>>,
}

/// FNV-1a: the cache's keys are a few bytes long, where it beats the
/// standard library's DoS-resistant hash (none is needed: the keys come from
/// the core's own results, one call's worth).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A name's address and length, and its `str` object.
type NameSlot<'py> = ((usize, usize), Bound<'py, PyString>);

/// Why a value could not be converted (a Python error, or a serde message).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e.to_string())
    }
}

type Obj<'py> = Bound<'py, PyAny>;

impl<'py> Objects<'py> {
    pub fn new(py: Python<'py>) -> Self {
        Objects {
            py,
            names: vec![None; NAME_SLOTS],
            strings: HashMap::default(),
        }
    }

    /// `value` as Python objects.
    pub fn convert<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<Obj<'py>, Error> {
        value.serialize(self)
    }

    /// A field name or variant: the same `str` object every time.
    fn name(&mut self, s: &'static str) -> Bound<'py, PyString> {
        // Address and length: "date" may be the start of "dateline".
        let at = (s.as_ptr() as usize, s.len());
        let slot = (at.0 ^ (at.0 >> 7) ^ at.1.wrapping_mul(31)) % NAME_SLOTS;
        if let Some(Some((p, o))) = self.names.get(slot) {
            if *p == at {
                return o.clone();
            }
        }
        // A new name, or two names in one slot: the later one takes it.
        let o = PyString::new(self.py, s);
        if let Some(entry) = self.names.get_mut(slot) {
            *entry = Some((at, o.clone()));
        }
        o
    }

    fn string(&mut self, s: &str) -> Bound<'py, PyString> {
        if s.len() > CACHED_LEN {
            return PyString::new(self.py, s);
        }
        if let Some(o) = self.strings.get(s) {
            return o.clone();
        }
        let o = PyString::new(self.py, s);
        self.strings.insert(s.to_owned(), o.clone());
        o
    }

    fn int<T: IntoPyObject<'py>>(&self, v: T) -> Result<Obj<'py>, Error> {
        Ok(v.into_bound_py_any(self.py)?)
    }
}

/// A list being filled.
pub struct Seq<'a, 'py> {
    objects: &'a mut Objects<'py>,
    list: Bound<'py, PyList>,
    /// For tuple and struct variants: `{variant: list}`.
    variant: Option<&'static str>,
}

/// A dict being filled.
pub struct Map<'a, 'py> {
    objects: &'a mut Objects<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Obj<'py>>,
    variant: Option<&'static str>,
}

impl<'py> Objects<'py> {
    fn seq<'a>(&'a mut self, variant: Option<&'static str>) -> Seq<'a, 'py> {
        let list = PyList::empty(self.py);
        Seq {
            objects: self,
            list,
            variant,
        }
    }

    fn map<'a>(&'a mut self, variant: Option<&'static str>) -> Map<'a, 'py> {
        let dict = PyDict::new(self.py);
        Map {
            objects: self,
            dict,
            key: None,
            variant,
        }
    }

    /// `{variant: value}`, as serde_json writes an enum variant with data.
    fn wrap(&mut self, variant: Option<&'static str>, value: Obj<'py>) -> Result<Obj<'py>, Error> {
        match variant {
            None => Ok(value),
            Some(v) => {
                let dict = PyDict::new(self.py);
                dict.set_item(self.name(v), value)?;
                Ok(dict.into_any())
            }
        }
    }
}

impl<'a, 'py> ser::Serializer for &'a mut Objects<'py> {
    type Ok = Obj<'py>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Obj<'py>, Error> {
        self.int(v)
    }
    fn serialize_i8(self, v: i8) -> Result<Obj<'py>, Error> {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Obj<'py>, Error> {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Obj<'py>, Error> {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Obj<'py>, Error> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Obj<'py>, Error> {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Obj<'py>, Error> {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Obj<'py>, Error> {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Obj<'py>, Error> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Obj<'py>, Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<Obj<'py>, Error> {
        // JSON has no NaN or infinity: serde_json writes null for them.
        if v.is_finite() {
            Ok(PyFloat::new(self.py, v).into_any())
        } else {
            Ok(self.py.None().into_bound(self.py))
        }
    }
    fn serialize_char(self, v: char) -> Result<Obj<'py>, Error> {
        let mut buf = [0u8; 4];
        Ok(self.string(v.encode_utf8(&mut buf)).into_any())
    }
    fn serialize_str(self, v: &str) -> Result<Obj<'py>, Error> {
        Ok(self.string(v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Obj<'py>, Error> {
        // As serde_json: a list of numbers.
        let list = PyList::empty(self.py);
        for b in v {
            list.append(*b)?;
        }
        Ok(list.into_any())
    }
    fn serialize_none(self) -> Result<Obj<'py>, Error> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Obj<'py>, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Obj<'py>, Error> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Obj<'py>, Error> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Obj<'py>, Error> {
        Ok(self.name(variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Obj<'py>, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Obj<'py>, Error> {
        let inner = value.serialize(&mut *self)?;
        self.wrap(Some(variant), inner)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        Ok(self.seq(None))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Seq<'a, 'py>, Error> {
        Ok(self.seq(None))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        Ok(self.seq(None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        Ok(self.seq(Some(variant)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>, Error> {
        Ok(self.map(None))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Map<'a, 'py>, Error> {
        Ok(self.map(None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Map<'a, 'py>, Error> {
        Ok(self.map(Some(variant)))
    }
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(&mut *self.objects)?;
        self.list.append(v)?;
        Ok(())
    }
    fn done(self) -> Result<Obj<'py>, Error> {
        self.objects.wrap(self.variant, self.list.into_any())
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Obj<'py>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Obj<'py>, Error> {
        self.done()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Obj<'py>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Obj<'py>, Error> {
        self.done()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Obj<'py>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Obj<'py>, Error> {
        self.done()
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'_, 'py> {
    type Ok = Obj<'py>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.push(value)
    }
    fn end(self) -> Result<Obj<'py>, Error> {
        self.done()
    }
}

impl<'py> Map<'_, 'py> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let k = self.objects.name(key);
        let v = value.serialize(&mut *self.objects)?;
        self.dict.set_item(k, v)?;
        Ok(())
    }
    fn done(self) -> Result<Obj<'py>, Error> {
        self.objects.wrap(self.variant, self.dict.into_any())
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Obj<'py>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(&mut *self.objects)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error("a map value came before its key".into()))?;
        let v = value.serialize(&mut *self.objects)?;
        self.dict.set_item(key, v)?;
        Ok(())
    }
    fn end(self) -> Result<Obj<'py>, Error> {
        self.done()
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Obj<'py>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<Obj<'py>, Error> {
        self.done()
    }
}

impl<'py> ser::SerializeStructVariant for Map<'_, 'py> {
    type Ok = Obj<'py>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<Obj<'py>, Error> {
        self.done()
    }
}
