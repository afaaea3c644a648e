import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RoomVisibility } from '@kindred/contracts';
import { Repository } from 'typeorm';
import { RoomEntity } from './room.entity.js';

@Injectable()
export class RoomsService {
  constructor(@InjectRepository(RoomEntity) private readonly rooms: Repository<RoomEntity>) {}

  /** The public directory: listed rooms only; hidden rooms never appear to outsiders. */
  listDirectory(): Promise<RoomEntity[]> {
    return this.rooms.find({ where: { visibility: RoomVisibility.Listed }, order: { name: 'ASC' } });
  }
}
