# FastAPI (Debian's python3-fastapi, pydantic 1) with a pydantic model body; FastAPI's default handlers.
import os

import uvicorn
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, EmailStr, Field
from typing import List, Optional


class Address(BaseModel):
    city: str = Field(min_length=1)


class Item(BaseModel):
    qty: int = Field(ge=1)


class User(BaseModel):
    name: str = Field(min_length=1)
    email: str = Field(regex=r'^[^@\s]+@[^@\s]+\.[^@\s]+$')
    address: Address
    items: Optional[List[Item]] = None


app = FastAPI()


@app.post('/users', status_code=201)
def create(user: User):
    return user


@app.get('/users/{id}')
def read(id: int):
    raise HTTPException(status_code=404, detail='User not found')


if __name__ == '__main__':
    uvicorn.run(app, host='127.0.0.1', port=int(os.environ['PORT']), log_level='warning')
